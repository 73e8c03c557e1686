-- Room rental per street (§5.1.3, §6.2.6); see db/postgis/V3 for the meaning.
CREATE TABLE room_rental_lock (
    lock_key TEXT PRIMARY KEY NOT NULL
);
CREATE TABLE room_rental_report (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    street_id TEXT NOT NULL,
    message TEXT NOT NULL,
    reported_at DATETIME NOT NULL,
    status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'handled'))
);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES ('room_rental_report', 'attributes', 'room_rental_report', 'reports of wrong entries on the public room-rental map (§5.1.3)');
