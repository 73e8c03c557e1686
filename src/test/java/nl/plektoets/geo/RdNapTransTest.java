package nl.plektoets.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/** RD New <-> WGS84 accuracy, printed so the documented numbers can be checked. */
class RdNapTransTest {
    /** RDNAPTRANS(TM)2018 reference: the Amersfoort origin of RD, 155000 / 463000 = 52.15517440 N, 5.38720621 E. */
    static final double AMERSFOORT_LAT = 52.15517440, AMERSFOORT_LON = 5.38720621;

    @Test
    void amersfoortAgainstThePublishedReference() {
        Coordinate rd = RdNapTrans.fromLonLat(AMERSFOORT_LON, AMERSFOORT_LAT);
        double error = rd.distance(new Coordinate(155000, 463000));
        System.out.printf(
                "rdnaptrans-java (RDNAPTRANS 2008) vs RDNAPTRANS2018 reference at Amersfoort: %.3f m (dx %.3f, dy %.3f)%n",
                error, rd.x - 155000, rd.y - 463000);
        assertTrue(error < 0.25, "error " + error);
        Coordinate ll = RdNapTrans.toLonLat(155000, 463000);
        assertEquals(AMERSFOORT_LAT, ll.y, 3e-6); // 3e-6 degrees is about 0.3 m
        assertEquals(AMERSFOORT_LON, ll.x, 4e-6);
    }

    /**
     * RDNAPTRANS(TM)2008 reference points (name, latitude, longitude, RD x, RD y), as published with that edition and
     * used by rdnaptrans-java's own tests; heights are left out (we transform at NAP 0 m, which moves x, y by
     * well under a centimetre).
     */
    static final Object[][] RDNAPTRANS_2008_POINTS = {
        {"Texel", 53.160753042, 4.824761912, 117380.12, 575040.34},
        {"Noord-Groningen", 53.419482050, 6.776726674, 247380.56, 604580.78},
        {"Amersfoort", 52.155172897, 5.387203657, 155000.00, 463000.00},
        {"Zeeuws-Vlaanderen", 51.368607152, 3.397588595, 16460.91, 377380.23},
        {"Zuid-Limburg", 50.792584916, 5.773795548, 182260.45, 311480.67},
        {"Maasvlakte", 51.947393898, 4.072887101, 64640.89, 440700.0101}
    };

    @Test
    void rdnaptrans2008ReferencePointsBothWays() {
        double worst = 0;
        for (Object[] p : RDNAPTRANS_2008_POINTS) {
            double lat = (double) p[1], lon = (double) p[2], x = (double) p[3], y = (double) p[4];
            Coordinate rd = RdNapTrans.fromLonLat(lon, lat);
            double e = rd.distance(new Coordinate(x, y));
            worst = Math.max(worst, e);
            assertEquals(0, e, 0.01, p[0] + " to RD");
            Coordinate ll = RdNapTrans.toLonLat(x, y);
            assertEquals(lat, ll.y, 1e-7, p[0] + " latitude"); // 1e-7 degrees is about 1 cm
            assertEquals(lon, ll.x, 1e-7, p[0] + " longitude");
        }
        System.out.printf("RDNAPTRANS2008 reference points: worst %.4f m%n", worst);
    }

    @Test
    void roundTripsAcrossTheCountryWithinAMillimetre() {
        double[][] rd = {
            {155000, 463000},
            {240000, 510000} /* Hardenberg */,
            {233000, 582000} /* Groningen */,
            {176000, 318000} /* Maastricht */,
            {30000, 385000} /* Vlissingen */,
            {112000, 556000} /* Den Helder */
        };
        double worstProj4j = 0;
        WorkingCrs proj4j = WorkingCrs.rdNew();
        for (double[] p : rd) {
            Coordinate ll = RdNapTrans.toLonLat(p[0], p[1]);
            Coordinate back = RdNapTrans.fromLonLat(ll.x, ll.y);
            assertEquals(0, back.distance(new Coordinate(p[0], p[1])), 0.001, "round trip at " + p[0] + "," + p[1]);
            worstProj4j = Math.max(worstProj4j, proj4j.fromLonLat(ll.x, ll.y).distance(new Coordinate(p[0], p[1])));
        }
        System.out.printf(
                "Proj4J 7-parameter RD New vs rdnaptrans-java, worst of %d points: %.2f m%n", rd.length, worstProj4j);
        assertTrue(worstProj4j < 2.0, "Proj4J differs by " + worstProj4j + " m");
    }

    @Test
    void axisOrderIsExplicit() {
        assertFalse(CrsName.parse("urn:ogc:def:crs:OGC:1.3:CRS84").latLonOrder());
        assertFalse(
                CrsName.parse("http://www.opengis.net/def/crs/OGC/1.3/CRS84").latLonOrder());
        assertTrue(CrsName.parse("urn:ogc:def:crs:EPSG::4326").latLonOrder());
        assertTrue(CrsName.parse("http://www.opengis.net/def/crs/EPSG/0/4326").latLonOrder());
        assertFalse(CrsName.parse("EPSG:4326").latLonOrder(), "legacy short form is written lon, lat");
        assertEquals(28992, CrsName.parse("urn:ogc:def:crs:EPSG::28992").epsg());
        assertEquals(28992, CrsName.parse("28992").epsg());
        assertEquals(
                28992,
                CrsName.parse("http://www.opengis.net/gml/srs/epsg.xml#28992").epsg());
        assertThrows(IllegalArgumentException.class, () -> CrsName.parse("Amersfoort / RD New"));

        WorkingCrs rdNew = WorkingCrs.rdNew();
        Coordinate fromLatLon = CoordinateConverter.between(CrsName.parse("urn:ogc:def:crs:EPSG::4326"), rdNew)
                .toWorking(AMERSFOORT_LAT, AMERSFOORT_LON);
        Coordinate fromLonLat =
                CoordinateConverter.between(CrsName.CRS84, rdNew).toWorking(AMERSFOORT_LON, AMERSFOORT_LAT);
        assertEquals(0, fromLatLon.distance(fromLonLat), 1e-9);
        assertEquals(0, fromLonLat.distance(new Coordinate(155000, 463000)), 0.25);
        assertTrue(CoordinateConverter.between(CrsName.RD_NEW, rdNew).isIdentity());
    }

    @Test
    void unknownEpsgCodeIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> CoordinateConverter.between(CrsName.parse("EPSG:999999"), WorkingCrs.rdNew()));
        assertTrue(e.getMessage().startsWith("Unknown CRS 'EPSG:999999'"), e.getMessage());
    }

    @Test
    void otherEpsgCodesGoThroughProj4j() {
        // ETRS89 / UTM 31N (EPSG:25831) coordinates of Amersfoort, computed from its lon/lat with Proj4J itself
        WorkingCrs utm = WorkingCrs.of("EPSG:25831");
        Coordinate u = utm.fromLonLat(AMERSFOORT_LON, AMERSFOORT_LAT);
        Coordinate rd = CoordinateConverter.between(CrsName.parse("EPSG:25831"), WorkingCrs.rdNew())
                .toWorking(u.x, u.y);
        assertEquals(0, rd.distance(new Coordinate(155000, 463000)), 0.5);
    }
}
