package nl.plektoets.data.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.plektoets.data.BadSourceException;
import nl.plektoets.data.Feature;
import nl.plektoets.data.Role;
import nl.plektoets.data.SourceFeatures;
import nl.plektoets.data.SourceKind;
import nl.plektoets.geo.WorkingCrs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A municipality's own list of establishments (issue 12) as a CSV with RD New coordinates: category or SBI code. */
class EstablishmentListTest {
    @TempDir
    Path dir;

    LayerImport.LayerRule rule(String file) {
        return new LayerImport.LayerRule(
                file,
                null,
                null,
                "environmental_source",
                "naam",
                "Gemeente, inrichtingen 2025",
                null,
                null,
                "milieucategorie",
                "sbi",
                "x",
                "y",
                "EPSG:28992");
    }

    @Test
    void categoryColumnOrSbiCodeGivesTheCategory() throws Exception {
        Path csv = dir.resolve("inrichtingen.csv");
        Files.writeString(
                csv,
                "naam;x;y;milieucategorie;sbi\n"
                        + "Metaalbouw Noord;240100,5;510200;3,1;\n"
                        + "Varkenshouderij Oost;241000;511000;;0146\n");
        SourceFeatures s = LayerImport.read(csv, rule("inrichtingen.csv"), WorkingCrs.rdNew());
        assertEquals(SourceKind.LAYER, s.kind());
        List<Feature> f = s.features();
        assertEquals(2, f.size());
        assertEquals(Role.ENVIRONMENTAL_SOURCE, f.get(0).role());
        assertEquals("Metaalbouw Noord", f.get(0).attribute("name"));
        assertEquals("3.1", f.get(0).attribute("category"));
        assertEquals("false", f.get(0).attribute("category_assumed"));
        assertEquals(240100.5, f.get(0).geometry().getCoordinate().x, 1e-9);
        assertEquals(510200, f.get(0).geometry().getCoordinate().y, 1e-9);
        // SBI 0146 is the VNG row "Fokken en houden van varkens": 4.1, odour 200 m
        assertEquals("4.1", f.get(1).attribute("category"));
        assertEquals("200", f.get(1).attribute("distance_odour"));
        assertEquals("0146", f.get(1).attribute("sbi"));
        assertEquals("Gemeente, inrichtingen 2025", f.get(1).provenance().source());
    }

    @Test
    void aRowWithoutCategoryOrKnownSbiStopsTheImportWithTheFix() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "naam,x,y,milieucategorie,sbi\nOnbekend,240000,510000,,9999\n");
        BadSourceException e = assertThrows(
                BadSourceException.class, () -> LayerImport.read(csv, rule("bad.csv"), WorkingCrs.rdNew()));
        assertTrue(e.getMessage().contains("category") && e.getMessage().contains("9999"), e.getMessage());
        Path words = dir.resolve("words.csv");
        Files.writeString(words, "naam,x,y,milieucategorie,sbi\nOnbekend,240000,510000,hoog,\n");
        BadSourceException w = assertThrows(
                BadSourceException.class, () -> LayerImport.read(words, rule("words.csv"), WorkingCrs.rdNew()));
        assertTrue(w.getMessage().contains("'hoog'") && w.getMessage().contains("3.1"), w.getMessage());
        Path noXy = dir.resolve("addresses.csv");
        Files.writeString(noXy, "naam,adres,milieucategorie\nGarage,Hoofdstraat 1,2\n");
        BadSourceException a = assertThrows(
                BadSourceException.class, () -> LayerImport.read(noXy, rule("addresses.csv"), WorkingCrs.rdNew()));
        assertTrue(a.getMessage().contains("coordinate columns"), a.getMessage());
    }
}
