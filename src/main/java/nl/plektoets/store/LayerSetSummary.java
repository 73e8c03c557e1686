package nl.plektoets.store;

import java.time.Instant;
import nl.plektoets.data.DatasetInfo;

/** What layer set a store holds, without loading it: enough to tell whether it is the one being served. */
public record LayerSetSummary(DatasetInfo info, int featureCount, Instant importedAt) {}
