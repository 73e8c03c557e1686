package nl.plektoets.request;

/** Area types of the VNG guide: quiet residential/rural (the table's distances) or mixed (one step lower). */
public enum AreaType {
    QUIET("quiet", "rustige woonwijk / rustig buitengebied", "quiet residential area / quiet rural area"),
    MIXED("mixed", "gemengd gebied", "mixed area");

    private final String id;
    private final String nl;
    private final String en;

    AreaType(String id, String nl, String en) {
        this.id = id;
        this.nl = nl;
        this.en = en;
    }

    public String id() {
        return id;
    }

    public String nl() {
        return nl;
    }

    public String en() {
        return en;
    }

    public static java.util.Optional<AreaType> byId(String id) {
        for (AreaType t : values()) if (t.id.equals(id)) return java.util.Optional.of(t);
        return java.util.Optional.empty();
    }
}
