-- The registers and their audit log; see db/postgis/V2 for the meaning of the columns. Dates are ISO text (GeoPackage
-- DATE/DATETIME), JSON is text.
CREATE TABLE room_rental_permit (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    version INTEGER NOT NULL,
    dwelling_bag_id TEXT,
    address TEXT,
    street TEXT NOT NULL,
    town TEXT,
    rooms INTEGER NOT NULL,
    persons INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('applied', 'granted', 'refused', 'withdrawn', 'expired')),
    permit_type TEXT NOT NULL CHECK (permit_type IN ('permanent', 'temporary')),
    applied_on DATE,
    decided_on DATE,
    valid_from DATE,
    valid_until DATE,
    notes TEXT,
    created_at DATETIME NOT NULL,
    created_by TEXT NOT NULL,
    updated_at DATETIME NOT NULL,
    updated_by TEXT NOT NULL,
    CHECK (dwelling_bag_id IS NOT NULL OR address IS NOT NULL)
);
CREATE INDEX room_rental_permit_street ON room_rental_permit (lower(street));
INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES ('room_rental_permit', 'attributes', 'room_rental_permit', 'room-rental register (§5.1.3)');
CREATE TABLE housing_initiative (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    version INTEGER NOT NULL,
    site GEOMETRY NOT NULL,
    form TEXT NOT NULL CHECK (form IN ('room_rental', 'housing_facility')),
    persons INTEGER NOT NULL,
    initiator TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('reported', 'intake', 'assessment', 'permit_applied', 'granted', 'refused', 'realised', 'ended')),
    permit_type TEXT CHECK (permit_type IN ('permanent', 'temporary')),
    existing_location BOOLEAN NOT NULL,
    accepted_on DATE,
    transition_deadline DATE,
    permit_start DATE,
    permit_end DATE,
    steps TEXT NOT NULL,
    notes TEXT,
    created_at DATETIME NOT NULL,
    created_by TEXT NOT NULL,
    updated_at DATETIME NOT NULL,
    updated_by TEXT NOT NULL
);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES ('housing_initiative', 'features', 'housing_initiative', 'housing initiatives (§4.1.2, §8.1)', 28992);
INSERT INTO gpkg_geometry_columns VALUES ('housing_initiative', 'site', 'GEOMETRY', 28992, 0, 0);
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    register TEXT NOT NULL,
    entry_id INTEGER NOT NULL,
    version INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('create', 'update')),
    actor TEXT NOT NULL,
    at DATETIME NOT NULL,
    before TEXT,
    after TEXT NOT NULL,
    UNIQUE (register, entry_id, version)
);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES ('audit_log', 'attributes', 'audit_log', 'every register change');
