-- "The registers changed" for every instance over this database (issue 17): after any statement that writes a
-- register table commits, PostgreSQL delivers NOTIFY plektoets_registers with the payload "<schema>.<table>" to every
-- session that LISTENs (store.postgis.RegisterListener). The trigger sits on the tables, not in the application, so
-- a planner's correction in psql is heard too. Statement level: one notification per statement, and PostgreSQL folds
-- equal notifications of one transaction into one. The schema in the payload lets stores in other schemas of the same
-- database (tests) ignore each other.
CREATE FUNCTION plektoets_register_changed() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('plektoets_registers', TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME);
    RETURN NULL;
END
$$;

CREATE TRIGGER room_rental_permit_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON room_rental_permit
    FOR EACH STATEMENT EXECUTE FUNCTION plektoets_register_changed();
CREATE TRIGGER room_rented_dwelling_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON room_rented_dwelling
    FOR EACH STATEMENT EXECUTE FUNCTION plektoets_register_changed();
CREATE TRIGGER housing_initiative_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON housing_initiative
    FOR EACH STATEMENT EXECUTE FUNCTION plektoets_register_changed();
CREATE TRIGGER intake_case_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON intake_case
    FOR EACH STATEMENT EXECUTE FUNCTION plektoets_register_changed();
CREATE TRIGGER housing_location_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON housing_location
    FOR EACH STATEMENT EXECUTE FUNCTION plektoets_register_changed();
CREATE TRIGGER location_signal_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON location_signal
    FOR EACH STATEMENT EXECUTE FUNCTION plektoets_register_changed();
