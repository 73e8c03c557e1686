package nl.plektoets.demo;

import org.junit.jupiter.api.Tag;

/**
 * Every check of {@link DemoMunicipalityTest} on the largest layout: 6 villages (two east of the canal, one of
 * them reached only through the other), 60,000 addresses.
 */
@Tag("slow")
class DemoSixVillagesTest extends DemoMunicipalityTest {
    @Override
    int addresses() {
        return 60_000;
    }

    @Override
    int expectedVillages() {
        return 6;
    }
}
