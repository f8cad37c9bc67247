// Each test here runs PostgreSQL, Redis or several silo processes; two at once on a 2-core machine starve each other's
// membership probes and start-up deadlines, which made a failover or restart time out now and then. One at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
