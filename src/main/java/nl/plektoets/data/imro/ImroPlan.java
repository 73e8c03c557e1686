package nl.plektoets.data.imro;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Geometry;

/**
 * One IMRO GML file: the plan's identity and all its plan objects.
 *
 * @param file     the file read
 * @param version  IMRO edition
 * @param planId   plan identification, e.g. {@code NL.IMRO.1680.1800030105-0000}
 * @param name     plan name, e.g. {@code Gieterveen}
 * @param status   planstatus, e.g. {@code concept}, {@code ontwerp}, {@code vastgesteld}, {@code onherroepelijk}
 * @param date     the date belonging to the status (yyyy-mm-dd), or null
 * @param planArea the Bestemmingsplangebied geometry (working CRS), or null when the file has none
 * @param objects  all plan objects except the metadata
 * @param repaired gml:ids of geometries that were invalid and repaired with JTS' GeometryFixer
 */
public record ImroPlan(
        Path file,
        ImroVersion version,
        String planId,
        String name,
        String status,
        String date,
        Geometry planArea,
        List<PlanObject> objects,
        List<String> repaired) {
    public ImroPlan {
        objects = List.copyOf(objects);
        repaired = List.copyOf(repaired);
    }

    public List<PlanObject> objects(String type) {
        return objects.stream().filter(o -> o.type().equals(type)).collect(Collectors.toList());
    }
}
