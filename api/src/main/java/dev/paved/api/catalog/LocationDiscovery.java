package dev.paved.api.catalog;

import java.util.List;

/** Finds locations in a place Paved knows (local mode's git folder, a GitHub organisation). */
interface LocationDiscovery {

  /** Registers the locations not known yet; returns their targets. */
  List<String> discover();
}
