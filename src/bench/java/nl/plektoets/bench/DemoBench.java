package nl.plektoets.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.plektoets.criteria.HousedPersons;
import nl.plektoets.data.Dataset;
import nl.plektoets.data.Feature;
import nl.plektoets.data.ImportProgress;
import nl.plektoets.data.directory.DataDirectory;

/**
 * What the in-process CPU benchmarks share: the committed demo loaded from a copy (so its import cache is written
 * beside the copy, not into the checkout), and the register most of them assess against. {@code web.AnswerCpuBenchmark}
 * keeps its own copy: {@code scripts/bench-answer-cpu} runs that one class beside older builds' jars.
 */
public final class DemoBench {
    private DemoBench() {}

    /** The demo of {@code gisdata/demo}, copied to a temporary directory named after {@code prefix} and loaded. */
    public static Dataset demo(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        for (String f : List.of("dataset.json", "demo.osm.gz")) Files.copy(Path.of("gisdata/demo", f), dir.resolve(f));
        return DataDirectory.load(dir, null, ImportProgress.NONE);
    }

    /** A register of 12 persons at every 50th address, at a public site every 100th (AnswerCpuBenchmark's). */
    public static HousedPersons everyFiftiethAddress(List<Feature> addresses) {
        List<HousedPersons.Housed> housed = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i += 50)
            housed.add(new HousedPersons.Housed(
                    HousedPersons.Kind.values()[0], i, addresses.get(i).geometry(), 12, true, i % 100 == 0));
        return () -> housed;
    }
}
