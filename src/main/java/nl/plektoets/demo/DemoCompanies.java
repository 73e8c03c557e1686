package nl.plektoets.demo;

import nl.plektoets.demo.DemoLayout.Village;

/**
 * The demo's environmental sources (issue 12), all fictitious: a wastewater treatment plant east of the seat's
 * business park, a fuel station with LPG on the road between the seat and its park, workshops (a metal workshop and a
 * car repair shop) in every business park, and livestock on some farms (a cowshed, a pigsty or a poultry house as the
 * first barn, by farm slot). The OSM tag mapping gives them their VNG categories (environment/vng-categories.yaml).
 * Positions depend only on the layout, so the demo stays deterministic; no random draw is taken, so every other
 * element of the demo keeps its place.
 */
final class DemoCompanies {
    /** East of the seat's business park outline: far enough from the park's own outline (20 m) and the farm roads. */
    static final double PLANT_GAP = 120, PLANT_SIZE = 130;

    private DemoCompanies() {}

    /** Emits the companies of the villages with a business park. */
    static void emit(DemoLayout layout, DemoEmitter e) {
        for (Village v : layout.villages) {
            StreetGrid p = v.businessPark;
            if (p == null) continue;
            double midY = p.y0 + p.height() / 2;
            e.node(p.x0 + p.width() * 0.25, midY, "craft", "metal_construction", "name", "Metaalbouw " + v.name);
            e.node(p.x0 + p.width() * 0.75, midY, "shop", "car_repair", "name", "Autobedrijf " + v.name);
            if (v.rank != 0) continue;
            double east = p.x0 + p.width() + PLANT_GAP;
            e.way(
                    e.rect(east, p.y0, east + PLANT_SIZE, p.y0 + PLANT_SIZE),
                    "man_made",
                    "wastewater_plant",
                    "name",
                    "Rioolwaterzuivering " + v.name);
            // between the village's southern edge and the park (60 m apart), beside the road that joins them
            e.node(
                    v.grid.x(v.grid.midCol()) + 25,
                    v.grid.y0 - 30,
                    "amenity",
                    "fuel",
                    "fuel:lpg",
                    "yes",
                    "name",
                    "Tankstation " + v.name);
        }
    }

    /** The first barn of a farm: livestock on some slots (a cowshed every 4th, a pigsty every 9th, poultry every 13th). */
    static String barn(int road, int slot) {
        int k = road * 31 + slot;
        if (k % 13 == 6) return "poultry_house";
        if (k % 9 == 4) return "pigsty";
        if (k % 4 == 1) return "cowshed";
        return "farm_auxiliary";
    }
}
