-- Water: background of the maps only (role water), no criterion reads it.
CREATE TABLE layer_water (
    fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    geom GEOMETRY NOT NULL,
    feature_id INTEGER NOT NULL,
    name TEXT,
    attributes TEXT NOT NULL,
    source TEXT NOT NULL,
    source_id TEXT NOT NULL,
    source_tag TEXT NOT NULL
);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES ('layer_water', 'features', 'layer_water', 'role water', 28992);
INSERT INTO gpkg_geometry_columns VALUES ('layer_water', 'geom', 'GEOMETRY', 28992, 0, 0);
