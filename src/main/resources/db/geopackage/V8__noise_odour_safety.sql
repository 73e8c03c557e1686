-- Environment layers of issue 12 (noise, livestock odour contours, external safety areas). The embedded store
-- numbers its scripts by list position: a parallel branch adding V7 too must be renumbered at merge.
CREATE TABLE layer_noise (
    fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    geom GEOMETRY NOT NULL,
    feature_id INTEGER NOT NULL,
    name TEXT,
    attributes TEXT NOT NULL,
    source TEXT NOT NULL,
    source_id TEXT NOT NULL,
    source_tag TEXT NOT NULL
);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES ('layer_noise', 'features', 'layer_noise', 'role noise', 28992);
INSERT INTO gpkg_geometry_columns VALUES ('layer_noise', 'geom', 'GEOMETRY', 28992, 0, 0);
CREATE TABLE layer_odour_contour (
    fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    geom GEOMETRY NOT NULL,
    feature_id INTEGER NOT NULL,
    name TEXT,
    attributes TEXT NOT NULL,
    source TEXT NOT NULL,
    source_id TEXT NOT NULL,
    source_tag TEXT NOT NULL
);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES ('layer_odour_contour', 'features', 'layer_odour_contour', 'role odour_contour', 28992);
INSERT INTO gpkg_geometry_columns VALUES ('layer_odour_contour', 'geom', 'GEOMETRY', 28992, 0, 0);
CREATE TABLE layer_external_safety_area (
    fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    geom GEOMETRY NOT NULL,
    feature_id INTEGER NOT NULL,
    name TEXT,
    attributes TEXT NOT NULL,
    source TEXT NOT NULL,
    source_id TEXT NOT NULL,
    source_tag TEXT NOT NULL
);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES ('layer_external_safety_area', 'features', 'layer_external_safety_area', 'role external_safety_area', 28992);
INSERT INTO gpkg_geometry_columns VALUES ('layer_external_safety_area', 'geom', 'GEOMETRY', 28992, 0, 0);
