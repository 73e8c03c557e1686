package nl.plektoets.demo;

/** Every check of {@link DemoMunicipalityTest} on the smallest layout: 4 villages, 1,000 addresses. */
class DemoFourVillagesTest extends DemoMunicipalityTest {
    @Override
    int addresses() {
        return 1_000;
    }

    @Override
    int expectedVillages() {
        return 4;
    }
}
