package nl.plektoets.web.ogc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import nl.plektoets.geo.ApiCrs;
import nl.plektoets.geo.WorkingCrs;
import nl.plektoets.roomrental.RoomRentalRules;
import nl.plektoets.roomrental.StreetStanding;
import org.locationtech.jts.geom.Envelope;

/**
 * What the OGC collection needs of the public room-rental overview (§5.1.3): the streets' standings, each as the
 * same GeoJSON feature {@code /api/v1/room-rental/streets} answers, and the day they are of. {@code web.RoomRentalApi}
 * implements it, so {@code web} depends on {@code web.ogc} and never the other way round.
 */
public interface StreetSource {
    /** The public standings of the streets meeting {@code areaOrNull} (working CRS), in a stable order. */
    List<StreetStanding> standings(Envelope areaOrNull);

    /** One street as a public GeoJSON feature, geometry in {@code crs}. */
    ObjectNode feature(StreetStanding s, ApiCrs crs);

    /** The day the counts are of (the service's today; permits are read live). */
    LocalDate dataDate();

    /** The bbox parameter in {@code crs} as an envelope in the working CRS; 400 when malformed. */
    Envelope bbox(String text, ApiCrs crs);

    RoomRentalRules rules();

    WorkingCrs workingCrs();
}
