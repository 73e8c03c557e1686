package nl.plektoets.cli;

import nl.plektoets.assess.Assessor;
import nl.plektoets.data.Dataset;
import nl.plektoets.isochrone.IsochroneBuilder;
import nl.plektoets.roomrental.RoomRentalRules;
import nl.plektoets.routing.ReachIndex;
import nl.plektoets.web.Api;
import nl.plektoets.web.EdgeBandApi;
import nl.plektoets.web.PlannerApi;
import nl.plektoets.web.RoomRentalApi;

/**
 * Everything {@code serve} answers from that belongs to one dataset, built completely before it is served and never
 * changed: a reload builds a new one and swaps it in whole ({@link ServedState}), so no request meets a new engine
 * with an old API. Caches that depend on the dataset live inside it (the layer indexes of {@link Api}, the planner
 * overview's cache in {@link PlannerApi}) and go with it; what must outlive a dataset (the report rate limit, the
 * store, the token file) is held by {@link ServeCommand} and passed into every state.
 *
 * @param generation  1 for the state served at start, +1 per reload (in the log; tells two states apart)
 * @param reach       the walking/cycling reach (Bijlage 1), or null without a network
 * @param isochrones  isochrones over {@code reach}, or null without a network
 * @param engine      the public engine (the open assessment: {@code spread} names no private site)
 * @param plannerEngine the same index and criteria with the planner's detail (the register's step snapshots)
 */
record ServeState(
        long generation,
        Dataset dataset,
        ReachIndex reach,
        IsochroneBuilder isochrones,
        Assessor engine,
        Assessor plannerEngine,
        RoomRentalRules roomRental,
        Api api,
        RoomRentalApi roomRentalApi,
        PlannerApi plannerApi,
        EdgeBandApi edgeBand) {}
