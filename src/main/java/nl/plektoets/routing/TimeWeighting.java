package nl.plektoets.routing;

import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.util.EdgeIteratorState;

/**
 * Orders searches by travel time instead of GraphHopper's custom-model weight (which also divides by priority,
 * i.e. prefers pleasant ways). The policy asks "how many minutes", so the reach tables and the isochrones both use
 * the fastest permitted path; access stays the custom model's: an edge the model forbids (weight infinite) stays
 * forbidden.
 */
final class TimeWeighting implements Weighting {
    private final Weighting model;
    private final double maxSpeedKmh;

    TimeWeighting(Weighting model, double maxSpeedKmh) {
        this.model = model;
        this.maxSpeedKmh = maxSpeedKmh;
    }

    @Override
    public double calcMinWeightPerDistance() {
        return 3600.0 / maxSpeedKmh; // milliseconds per metre at the highest speed
    }

    @Override
    public double calcEdgeWeight(EdgeIteratorState edge, boolean reverse) {
        if (Double.isInfinite(model.calcEdgeWeight(edge, reverse))) return Double.POSITIVE_INFINITY;
        return model.calcEdgeMillis(edge, reverse);
    }

    @Override
    public long calcEdgeMillis(EdgeIteratorState edge, boolean reverse) {
        return model.calcEdgeMillis(edge, reverse);
    }

    @Override
    public double calcTurnWeight(int inEdge, int viaNode, int outEdge) {
        return 0; // the foot and bike profiles have no turn costs
    }

    @Override
    public long calcTurnMillis(int inEdge, int viaNode, int outEdge) {
        return 0;
    }

    @Override
    public boolean hasTurnCosts() {
        return false;
    }

    @Override
    public String getName() {
        return "time_" + model.getName();
    }
}
