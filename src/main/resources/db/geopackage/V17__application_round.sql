-- The application round of issue 18 (Noordoostpolder §6) and its entries; see db/postgis/V15 for the columns.
CREATE TABLE application_round (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    version INTEGER NOT NULL,
    name TEXT NOT NULL,
    opens_on DATE NOT NULL,
    closes_on DATE NOT NULL,
    policy_id TEXT NOT NULL,
    places TEXT NOT NULL,
    notes TEXT,
    created_at DATETIME NOT NULL,
    created_by TEXT NOT NULL,
    updated_at DATETIME NOT NULL,
    updated_by TEXT NOT NULL
);
CREATE TABLE round_entry (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    version INTEGER NOT NULL,
    round_id INTEGER NOT NULL REFERENCES application_round (id),
    initiative_id INTEGER NOT NULL REFERENCES housing_initiative (id),
    category TEXT NOT NULL,
    persons INTEGER NOT NULL,
    initiator TEXT,
    submitted_at DATETIME NOT NULL,
    employers TEXT NOT NULL,
    dwellings_returned INTEGER CHECK (dwellings_returned >= 0),
    scores TEXT NOT NULL,
    distance TEXT,
    notes TEXT,
    created_at DATETIME NOT NULL,
    created_by TEXT NOT NULL,
    updated_at DATETIME NOT NULL,
    updated_by TEXT NOT NULL,
    UNIQUE (round_id, initiative_id)
);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES ('application_round', 'attributes', 'application_round', 'application rounds for medium and large locations, ranked by points');
INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES ('round_entry', 'attributes', 'round_entry', 'the initiatives entered into a round with their points');
