"""The PostgreSQL backend (`ENGINE = "careerapi.postgresql"`): Django's, with bounded waits."""
