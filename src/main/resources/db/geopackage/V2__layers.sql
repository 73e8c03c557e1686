-- Imported layers as GeoPackage feature tables (one per role), RD New, with provenance; see db/postgis/V1.
CREATE TABLE layer_set (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    fictitious BOOLEAN NOT NULL,
    sources TEXT NOT NULL,
    working_crs TEXT NOT NULL,
    imported_at DATETIME NOT NULL,
    feature_count INTEGER NOT NULL
);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES ('layer_set', 'attributes', 'layer_set', 'the imported dataset');
CREATE TABLE layer_agricultural_plot (
    fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    geom GEOMETRY NOT NULL,
    feature_id INTEGER NOT NULL,
    name TEXT,
    attributes TEXT NOT NULL,
    source TEXT NOT NULL,
    source_id TEXT NOT NULL,
    source_tag TEXT NOT NULL
);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES ('layer_agricultural_plot', 'features', 'layer_agricultural_plot', 'role agricultural_plot', 28992);
INSERT INTO gpkg_geometry_columns VALUES ('layer_agricultural_plot', 'geom', 'GEOMETRY', 28992, 0, 0);
CREATE TABLE layer_business_park (
    fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    geom GEOMETRY NOT NULL,
    feature_id INTEGER NOT NULL,
    name TEXT,
    attributes TEXT NOT NULL,
    source TEXT NOT NULL,
    source_id TEXT NOT NULL,
    source_tag TEXT NOT NULL
);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES ('layer_business_park', 'features', 'layer_business_park', 'role business_park', 28992);
INSERT INTO gpkg_geometry_columns VALUES ('layer_business_park', 'geom', 'GEOMETRY', 28992, 0, 0);
CREATE TABLE layer_recreation_zone (
    fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    geom GEOMETRY NOT NULL,
    feature_id INTEGER NOT NULL,
    name TEXT,
    attributes TEXT NOT NULL,
    source TEXT NOT NULL,
    source_id TEXT NOT NULL,
    source_tag TEXT NOT NULL
);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES ('layer_recreation_zone', 'features', 'layer_recreation_zone', 'role recreation_zone', 28992);
INSERT INTO gpkg_geometry_columns VALUES ('layer_recreation_zone', 'geom', 'GEOMETRY', 28992, 0, 0);
CREATE TABLE layer_built_up_area (
    fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    geom GEOMETRY NOT NULL,
    feature_id INTEGER NOT NULL,
    name TEXT,
    attributes TEXT NOT NULL,
    source TEXT NOT NULL,
    source_id TEXT NOT NULL,
    source_tag TEXT NOT NULL
);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES ('layer_built_up_area', 'features', 'layer_built_up_area', 'role built_up_area', 28992);
INSERT INTO gpkg_geometry_columns VALUES ('layer_built_up_area', 'geom', 'GEOMETRY', 28992, 0, 0);
CREATE TABLE layer_village (
    fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    geom GEOMETRY NOT NULL,
    feature_id INTEGER NOT NULL,
    name TEXT,
    attributes TEXT NOT NULL,
    source TEXT NOT NULL,
    source_id TEXT NOT NULL,
    source_tag TEXT NOT NULL
);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES ('layer_village', 'features', 'layer_village', 'role village', 28992);
INSERT INTO gpkg_geometry_columns VALUES ('layer_village', 'geom', 'GEOMETRY', 28992, 0, 0);
CREATE TABLE layer_building (
    fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    geom GEOMETRY NOT NULL,
    feature_id INTEGER NOT NULL,
    name TEXT,
    attributes TEXT NOT NULL,
    source TEXT NOT NULL,
    source_id TEXT NOT NULL,
    source_tag TEXT NOT NULL
);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES ('layer_building', 'features', 'layer_building', 'role building', 28992);
INSERT INTO gpkg_geometry_columns VALUES ('layer_building', 'geom', 'GEOMETRY', 28992, 0, 0);
CREATE TABLE layer_address (
    fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    geom GEOMETRY NOT NULL,
    feature_id INTEGER NOT NULL,
    name TEXT,
    attributes TEXT NOT NULL,
    source TEXT NOT NULL,
    source_id TEXT NOT NULL,
    source_tag TEXT NOT NULL
);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES ('layer_address', 'features', 'layer_address', 'role address', 28992);
INSERT INTO gpkg_geometry_columns VALUES ('layer_address', 'geom', 'GEOMETRY', 28992, 0, 0);
CREATE TABLE layer_facility (
    fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    geom GEOMETRY NOT NULL,
    feature_id INTEGER NOT NULL,
    name TEXT,
    attributes TEXT NOT NULL,
    source TEXT NOT NULL,
    source_id TEXT NOT NULL,
    source_tag TEXT NOT NULL
);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES ('layer_facility', 'features', 'layer_facility', 'role facility', 28992);
INSERT INTO gpkg_geometry_columns VALUES ('layer_facility', 'geom', 'GEOMETRY', 28992, 0, 0);
CREATE TABLE layer_road (
    fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    geom GEOMETRY NOT NULL,
    feature_id INTEGER NOT NULL,
    name TEXT,
    attributes TEXT NOT NULL,
    source TEXT NOT NULL,
    source_id TEXT NOT NULL,
    source_tag TEXT NOT NULL
);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES ('layer_road', 'features', 'layer_road', 'role road', 28992);
INSERT INTO gpkg_geometry_columns VALUES ('layer_road', 'geom', 'GEOMETRY', 28992, 0, 0);
