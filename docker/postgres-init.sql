-- One database per subgraph: no service reads another's tables.
CREATE DATABASE city;
CREATE DATABASE community;
CREATE DATABASE selforg;
CREATE DATABASE requests;
