package nl.plektoets.data.cbs;

import org.locationtech.jts.geom.Geometry;

/**
 * A municipality boundary from CBS' gemeentegrenzen.
 *
 * @param code     CBS statcode, e.g. {@code GM0160}
 * @param name     statnaam, e.g. {@code Hardenberg}
 * @param boundary the (generalised, land-only) area in the working CRS
 */
public record Municipality(String code, String name, Geometry boundary) {}
