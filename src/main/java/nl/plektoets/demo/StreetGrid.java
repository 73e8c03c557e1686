package nl.plektoets.demo;

/**
 * A rectangular street grid with buildings on both sides of its east-west streets: the shape of every built-up
 * part of the demo (village, business park, holiday park), differing only in plot sizes.
 *
 * <p>Grid lines: {@code rows + 1} east-west streets (line {@code L} at {@code y(L)}) and {@code cols + 1}
 * north-south streets; between two east-west streets lies a band of {@code cols} blocks, each holding two rows of
 * {@code perSide} buildings, the lower row facing the street below, the upper row the street above. Buildings are
 * filled band by band, block by block, so only the last block may be partly empty.
 */
final class StreetGrid {
    /** Plot sizes of one kind of grid, in metres. */
    record Plots(
            double frontage,
            int perSide,
            double bandHeight,
            double crossGap,
            double buildingWidth,
            double buildingDepth,
            double setback) {
        double blockWidth() {
            return perSide * frontage + crossGap;
        }
    }

    static final Plots HOUSES = new Plots(10, 10, 60, 10, 8, 9, 5);
    static final Plots INDUSTRY = new Plots(50, 4, 110, 10, 36, 40, 10);
    static final Plots CHALETS = new Plots(16, 6, 50, 8, 7, 9, 5);

    final Plots plots;
    final int units;
    final int cols;
    final int rows;
    /** South-west intersection, local metres; set once the layout places the grid. */
    double x0;

    double y0;
    /** First digit group of this grid's postcodes, set by the layout. */
    int postcodeBase;
    /** Id of the south-west intersection node; the others follow line by line. Set while writing. */
    long nodeBase;

    private StreetGrid(Plots plots, int units, int cols, int rows) {
        this.plots = plots;
        this.units = units;
        this.cols = cols;
        this.rows = rows;
    }

    /** The smallest roughly square grid holding {@code units} buildings. */
    static StreetGrid sized(int units, Plots p) {
        int perBlock = 2 * p.perSide();
        int blocks = Math.max(1, (units + perBlock - 1) / perBlock);
        int cols = (int) Math.max(1, Math.round(Math.sqrt(blocks * p.bandHeight() / p.blockWidth())));
        int rows = Math.max(1, (blocks + cols - 1) / cols);
        return new StreetGrid(p, units, cols, rows);
    }

    double width() {
        return cols * plots.blockWidth();
    }

    double height() {
        return rows * plots.bandHeight();
    }

    double x(int col) {
        return x0 + col * plots.blockWidth();
    }

    double y(int line) {
        return y0 + line * plots.bandHeight();
    }

    int midLine() {
        return rows / 2;
    }

    int midCol() {
        return cols / 2;
    }

    /** Places the grid so that its middle north-south street runs at {@code x} and its middle east-west at {@code y}. */
    void alignMiddle(double x, double y) {
        x0 = x - midCol() * plots.blockWidth();
        y0 = y - midLine() * plots.bandHeight();
    }

    /** Places the grid centred on (x, y). */
    void centreOn(double x, double y) {
        x0 = x - width() / 2;
        y0 = y - height() / 2;
    }

    /** Number of postcodes the grid can use: one per street side per block. */
    int postcodeSlots() {
        return 2 * cols * (rows + 1);
    }

    /** Index of the postcode of one side of east-west street {@code line} in block column {@code col}. */
    int postcodeIndex(int line, int col, boolean northSide) {
        return (line * cols + col) * 2 + (northSide ? 0 : 1);
    }

    /** Id of the intersection node of east-west street {@code line} and north-south street {@code col}. */
    long node(int line, int col) {
        return nodeBase + (long) line * (cols + 1) + col;
    }

    int streetCount() {
        return rows + 1 + cols + 1;
    }
}
