package nl.plektoets.data.osm;

/** One member of a relation: type 'n', 'w' or 'r', the referenced id and the role ("outer", "inner", ...). */
record OsmMember(char type, long ref, String role) {}
