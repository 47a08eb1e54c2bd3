"""Signal receivers of the shared app (connected in LmsConfig.ready)."""
