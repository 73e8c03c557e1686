-- Environmental sources (companies and activities with a VNG category): role environmental_source.
CREATE TABLE layer_environmental_source (
    fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    geom GEOMETRY NOT NULL,
    feature_id INTEGER NOT NULL,
    name TEXT,
    attributes TEXT NOT NULL,
    source TEXT NOT NULL,
    source_id TEXT NOT NULL,
    source_tag TEXT NOT NULL
);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES ('layer_environmental_source', 'features', 'layer_environmental_source', 'role environmental_source', 28992);
INSERT INTO gpkg_geometry_columns VALUES ('layer_environmental_source', 'geom', 'GEOMETRY', 28992, 0, 0);
