-- The test application's own schema, migrated by Spring Boot's Flyway before CRMKit migrates its tables.
CREATE TABLE host_order (id INT PRIMARY KEY);
