-- One database per service: no service reads another's tables.
CREATE DATABASE cases;
CREATE DATABASE queries;
CREATE DATABASE complaints;
CREATE DATABASE payments;
CREATE DATABASE enforcement;
