-- Housing locations and their signals; see db/postgis/V11 for the meaning of the columns.
CREATE TABLE housing_location (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    version INTEGER NOT NULL,
    site GEOMETRY NOT NULL,
    name TEXT NOT NULL,
    village TEXT,
    provider TEXT NOT NULL,
    form TEXT NOT NULL CHECK (form IN ('room_rental', 'housing_facility')),
    capacity INTEGER NOT NULL,
    initiative_id INTEGER REFERENCES housing_initiative (id),
    existing BOOLEAN NOT NULL,
    permit TEXT,
    agreements TEXT NOT NULL,
    snf_certificate TEXT,
    snf_expires DATE,
    night_register TEXT NOT NULL,
    inspections TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'ended')),
    notes TEXT,
    created_at DATETIME NOT NULL,
    created_by TEXT NOT NULL,
    updated_at DATETIME NOT NULL,
    updated_by TEXT NOT NULL
);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES ('housing_location', 'features', 'housing_location', 'housing locations in use (§6.1.2, §8.1)', 28992);
INSERT INTO gpkg_geometry_columns VALUES ('housing_location', 'site', 'GEOMETRY', 28992, 0, 0);
CREATE TABLE location_signal (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    version INTEGER NOT NULL,
    location_id INTEGER NOT NULL REFERENCES housing_location (id),
    received_on DATE NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('resident', 'village_council', 'police')),
    category TEXT NOT NULL CHECK (category IN ('noise', 'parking', 'litter', 'overcrowding', 'fire_safety', 'other')),
    description TEXT,
    follow_up TEXT,
    follow_up_by TEXT,
    status TEXT NOT NULL CHECK (status IN ('open', 'handled')),
    via_public_form BOOLEAN NOT NULL,
    created_at DATETIME NOT NULL,
    created_by TEXT NOT NULL,
    updated_at DATETIME NOT NULL,
    updated_by TEXT NOT NULL
);
CREATE INDEX location_signal_location ON location_signal (location_id);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES ('location_signal', 'attributes', 'location_signal', 'signals about housing locations');
