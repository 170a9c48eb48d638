"""The extract stage: pull studies from the ClinicalTrials.gov API v2 (by search, incrementally) or its
bulk zip into a raw landing folder, and reconcile what arrived with what the registry announced."""
