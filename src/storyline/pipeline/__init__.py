"""pipeline: the flow's orchestration. ``feed`` reads, cleans and dates inputs;
``ingest`` annotates and stores them (``add``); ``pool`` runs work in processes;
``batch`` annotates large corpora into Parquet and loads them (``annotate``/``load``);
``report`` says what a run did."""
