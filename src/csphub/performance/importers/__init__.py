"""The file readers and import services: data.police.uk records (`policeuk` reads, `police`
stores), the LSOA lookup and boundaries, populations and indicator figures, each import one
transaction that leaves an `ImportRun` and an audit event; `dataset` loads a whole folder of
them and `shared_data` finds the shared folder of real files."""
