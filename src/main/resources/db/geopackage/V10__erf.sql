-- Yards (the BGT's onbegroeid terreindeel "erf"): role erf (issue 13, the BGT import).
CREATE TABLE layer_erf (
    fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    geom GEOMETRY NOT NULL,
    feature_id INTEGER NOT NULL,
    name TEXT,
    attributes TEXT NOT NULL,
    source TEXT NOT NULL,
    source_id TEXT NOT NULL,
    source_tag TEXT NOT NULL
);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES ('layer_erf', 'features', 'layer_erf', 'role erf', 28992);
INSERT INTO gpkg_geometry_columns VALUES ('layer_erf', 'geom', 'GEOMETRY', 28992, 0, 0);
