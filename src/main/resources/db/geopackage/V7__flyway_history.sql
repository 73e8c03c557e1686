-- From here on Flyway records the migrations (flyway_schema_history). Plektoets before it kept its own table and
-- refused any file whose version there was higher than it knew: this row makes such an older plektoets refuse a file
-- the newer one has migrated, with its "written by a newer plektoets" message, instead of opening it.
CREATE TABLE IF NOT EXISTS plektoets_schema_version (version INTEGER PRIMARY KEY, script TEXT NOT NULL, applied_at DATETIME NOT NULL);
INSERT INTO plektoets_schema_version (version, script, applied_at) VALUES (1000000, 'migrations are recorded in flyway_schema_history', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
