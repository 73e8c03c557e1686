package nl.plektoets.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import nl.plektoets.criteria.Criterion;
import nl.plektoets.criteria.CriterionInput;
import nl.plektoets.criteria.CriterionResult;
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

    /**
     * Prints the SHA-256 of every criterion's whole result (status, paragraph, messages, evidence, obligations) over
     * every input: two builds run side by side gave the same results when their digests are equal.
     */
    public static void printResultsDigest(List<CriterionInput> inputs, Map<String, Criterion> criteria)
            throws NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (CriterionInput in : inputs)
            for (Criterion c : criteria.values())
                sha.update(describe(c.evaluate(in)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        System.out.println("results digest " + HexFormat.of().formatHex(sha.digest()) + " over " + inputs.size()
                + " requests x " + criteria.size() + " criteria");
    }

    private static String describe(CriterionResult r) {
        return r.id() + "|" + r.status() + "|" + r.policyRef() + "|"
                + r.message().nl() + "|" + r.message().en() + "|" + r.evidence() + "|" + r.obligations() + "\n";
    }
}
