-- §6.1.2 "plek-voor-plek": the transition year of an existing location may be extended only with a reason, which
-- the register keeps beside the deadline. Rows from before have none (an extension among them is asked for its reason
-- when its deadline is next changed).
ALTER TABLE housing_initiative ADD COLUMN transition_extension_reason TEXT;
