"""Records to RDF: namespaces, IRI minting, the mapping and SHACL validation."""
