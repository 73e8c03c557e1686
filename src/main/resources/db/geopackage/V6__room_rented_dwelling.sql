-- Dwellings known to be room-rented without a permit (§5.1.3); see db/postgis/V5 for the meaning.
CREATE TABLE room_rented_dwelling (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    version INTEGER NOT NULL,
    dwelling_bag_id TEXT,
    address TEXT,
    street TEXT NOT NULL,
    town TEXT,
    source TEXT NOT NULL CHECK (source IN ('inspection', 'signal', 'other')),
    observed_on DATE NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('known', 'ended')),
    note TEXT,
    created_at DATETIME NOT NULL,
    created_by TEXT NOT NULL,
    updated_at DATETIME NOT NULL,
    updated_by TEXT NOT NULL,
    CHECK (dwelling_bag_id IS NOT NULL OR address IS NOT NULL)
);
CREATE INDEX room_rented_dwelling_street ON room_rented_dwelling (lower(street));
INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES ('room_rented_dwelling', 'attributes', 'room_rented_dwelling', 'dwellings known to be room-rented without a permit (§5.1.3)');
