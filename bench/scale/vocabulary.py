"""What the scale dataset is made of: counts per collection, real ISO currencies and
countries, and the words its text is drawn from."""

# Per-collection counts at scale 1.0, and the floor kept at tiny scales.
COUNTS = {
    "sources": (40, 2),
    "families": (40, 3),
    "companies": (500, 3),
    "skills": (2_000, 20),
    "roles": (10_000, 6),
    "competencies": (300, 3),
    "topics": (500, 4),
    "interview_processes": (2_000, 2),
    "salary_bands": (1_000_000, 60),
    "questions": (100_000, 12),
}

# Items per file for the collections that are split.
CHUNKS = {"roles": 1_000, "salary_bands": 50_000, "questions": 10_000}

# ISO 4217 currencies: code, name, symbol, rough USD per unit (for plausible amounts).
CURRENCIES = [
    ("USD", "US Dollar", "$", 1.0),
    ("CAD", "Canadian Dollar", "CA$", 0.74),
    ("MXN", "Mexican Peso", "MX$", 0.058),
    ("BRL", "Brazilian Real", "R$", 0.2),
    ("ARS", "Argentine Peso", "AR$", 0.0011),
    ("CLP", "Chilean Peso", "CLP$", 0.0011),
    ("COP", "Colombian Peso", "COL$", 0.00025),
    ("EUR", "Euro", "€", 1.08),
    ("GBP", "Pound Sterling", "£", 1.27),
    ("CHF", "Swiss Franc", "CHF", 1.13),
    ("SEK", "Swedish Krona", "kr", 0.095),
    ("NOK", "Norwegian Krone", "kr", 0.093),
    ("DKK", "Danish Krone", "kr.", 0.145),
    ("PLN", "Polish Zloty", "zł", 0.25),
    ("CZK", "Czech Koruna", "Kč", 0.043),
    ("INR", "Indian Rupee", "₹", 0.012),
    ("SGD", "Singapore Dollar", "S$", 0.74),
    ("JPY", "Yen", "¥", 0.0067),
    ("KRW", "Won", "₩", 0.00073),
    ("CNY", "Yuan Renminbi", "¥", 0.14),
    ("AUD", "Australian Dollar", "A$", 0.66),
    ("NZD", "New Zealand Dollar", "NZ$", 0.6),
    ("ILS", "New Israeli Sheqel", "₪", 0.27),
    ("AED", "UAE Dirham", "AED", 0.27),
    ("ZAR", "Rand", "R", 0.054),
    ("NGN", "Naira", "₦", 0.00065),
    ("KES", "Kenyan Shilling", "KSh", 0.0077),
    ("EGP", "Egyptian Pound", "E£", 0.021),
    ("PHP", "Philippine Peso", "₱", 0.018),
    ("VND", "Dong", "₫", 0.00004),
    ("IDR", "Rupiah", "Rp", 0.000063),
    ("MYR", "Malaysian Ringgit", "RM", 0.21),
]

# Areas and their countries (ISO 3166-1 alpha-2, name, currency, metros).
AREAS = {
    ("north-america", "North America"): [
        ("US", "United States", "USD", ["Seattle", "San Francisco", "New York", "Austin"]),
        ("CA", "Canada", "CAD", ["Toronto", "Vancouver", "Montreal"]),
        ("MX", "Mexico", "MXN", ["Mexico City", "Guadalajara"]),
    ],
    ("latin-america", "Latin America"): [
        ("BR", "Brazil", "BRL", ["São Paulo", "Rio de Janeiro"]),
        ("AR", "Argentina", "ARS", ["Buenos Aires"]),
        ("CL", "Chile", "CLP", ["Santiago"]),
        ("CO", "Colombia", "COP", ["Bogotá", "Medellín"]),
    ],
    ("western-europe", "Western Europe"): [
        ("GB", "United Kingdom", "GBP", ["London", "Manchester", "Edinburgh"]),
        ("IE", "Ireland", "EUR", ["Dublin"]),
        ("DE", "Germany", "EUR", ["Berlin", "Munich", "Hamburg"]),
        ("FR", "France", "EUR", ["Paris", "Lyon"]),
        ("NL", "Netherlands", "EUR", ["Amsterdam"]),
        ("ES", "Spain", "EUR", ["Madrid", "Barcelona"]),
        ("IT", "Italy", "EUR", ["Milan"]),
        ("PT", "Portugal", "EUR", ["Lisbon"]),
        ("CH", "Switzerland", "CHF", ["Zurich", "Geneva"]),
    ],
    ("northern-europe", "Northern Europe"): [
        ("SE", "Sweden", "SEK", ["Stockholm"]),
        ("NO", "Norway", "NOK", ["Oslo"]),
        ("DK", "Denmark", "DKK", ["Copenhagen"]),
        ("FI", "Finland", "EUR", ["Helsinki"]),
    ],
    ("eastern-europe", "Eastern Europe"): [
        ("PL", "Poland", "PLN", ["Warsaw", "Kraków"]),
        ("CZ", "Czechia", "CZK", ["Prague"]),
    ],
    ("asia-pacific", "Asia-Pacific"): [
        ("IN", "India", "INR", ["Bengaluru", "Hyderabad", "Pune"]),
        ("JP", "Japan", "JPY", ["Tokyo"]),
        ("KR", "Korea, Republic of", "KRW", ["Seoul"]),
        ("CN", "China", "CNY", ["Shanghai", "Shenzhen"]),
        ("AU", "Australia", "AUD", ["Sydney", "Melbourne"]),
        ("NZ", "New Zealand", "NZD", ["Auckland"]),
    ],
    ("southeast-asia", "Southeast Asia"): [
        ("SG", "Singapore", "SGD", ["Singapore City"]),
        ("PH", "Philippines", "PHP", ["Manila"]),
        ("VN", "Viet Nam", "VND", ["Ho Chi Minh City"]),
        ("ID", "Indonesia", "IDR", ["Jakarta"]),
        ("MY", "Malaysia", "MYR", ["Kuala Lumpur"]),
    ],
    ("middle-east-africa", "Middle East and Africa"): [
        ("IL", "Israel", "ILS", ["Tel Aviv"]),
        ("AE", "United Arab Emirates", "AED", ["Dubai"]),
        ("ZA", "South Africa", "ZAR", ["Cape Town", "Johannesburg"]),
        ("NG", "Nigeria", "NGN", ["Lagos"]),
        ("KE", "Kenya", "KES", ["Nairobi"]),
        ("EG", "Egypt", "EGP", ["Cairo"]),
    ],
}


def words(text: str, sep: str | None = None) -> list[str]:
    """Long word lists read better as text."""
    return text.split(sep)


AREA_PARENTS = {"western-europe": "europe", "northern-europe": "europe", "eastern-europe": "europe"}

WORDS = words(
    "build design operate scale reliable distributed services platform teams customers data "
    "pipelines latency throughput ownership review deploy monitor incident postmortem cloud "
    "infrastructure security compliance performance cost capacity planning roadmap mentor "
    "stakeholders product requirements architecture APIs storage queues caching observability "
    "automation testing release quality migration legacy systems integration analytics models "
    "training evaluation experiments metrics dashboards on-call runbooks documentation backlog "
    "prioritise deliver impact cross-functional partners standards tooling frameworks libraries "
    "open-source community hiring interviews growth career leadership strategy budget vendors"
)
TECH = words(
    "Python Java Go Rust TypeScript JavaScript Kotlin Swift Scala Ruby PHP C++ C# Elixir Haskell "
    "SQL PostgreSQL MySQL Redis Cassandra DynamoDB MongoDB Elasticsearch Kafka RabbitMQ Spark "
    "Flink Airflow dbt Snowflake BigQuery Redshift Terraform Ansible Kubernetes Docker Helm "
    "Prometheus Grafana Datadog Jenkins GitHub-Actions React Vue Angular Django Flask FastAPI "
    "Spring Rails Node.js GraphQL gRPC Lambda S3 EC2 ECS Fargate CloudFormation Azure GCP AWS "
    "PyTorch TensorFlow scikit-learn Pandas NumPy Jupyter Tableau Looker Figma Jira Linux Nginx"
)
# Every name is qualified: a bare technology name ("Python") is one of O*NET's, which the
# dataset's public data brings as a skill of its own.
SKILL_QUALIFIERS = [
    "Advanced",
    "Applied",
    "Cloud",
    "Enterprise",
    "Managed",
    "Distributed",
    "Secure",
    "Embedded",
    "Realtime",
    "Serverless",
    "Mobile",
    "Streaming",
    "Analytics",
    "Platform",
    "Edge",
    "Scalable",
    "Automated",
    "Open",
    "Hybrid",
    "Federated",
    "Modern",
    "Core",
    "Applied ML",
    "Data",
    "Web",
    "Systems",
    "Legacy",
    "Regulated",
    "High-availability",
]
SKILL_CATEGORIES = [
    "language",
    "cloud_service",
    "database",
    "framework",
    "tool",
    "practice",
    "domain",
    "soft_skill",
    "certification",
]
ROLE_TITLES = words(
    "Software Engineer|Backend Engineer|Frontend Engineer|Full Stack Developer|Data Engineer|"
    "Data Scientist|Machine Learning Engineer|Site Reliability Engineer|DevOps Engineer|"
    "Cloud Architect|Security Engineer|QA Engineer|Mobile Developer|Product Manager|"
    "Engineering Manager|Solutions Architect|Database Administrator|Analytics Engineer|"
    "Platform Engineer|Embedded Software Engineer|Technical Program Manager|UX Designer|"
    "Support Engineer|Network Engineer|Research Scientist",
    sep="|",
)
SENIORITY = ["", "Junior", "Senior", "Staff", "Principal", "Lead", "Associate"]
LEVEL_NAMES = ["Associate", "Engineer", "Senior", "Staff", "Senior Staff", "Principal", "Fellow"]
COMPANY_WORDS = words(
    "Acme Northwind Contoso Globex Initech Umbrella Stark Wayne Hooli Vandelay Soylent Cyberdyne "
    "Tyrell Wonka Aperture Black-Mesa Massive Dynamic Oscorp Gringotts Monarch Nakatomi Pied "
    "Piper Prestige Sirius Virtucon Weyland Zorg Blue Sun Gekko Dunder Mifflin Bluth Krusty"
)
COMPANY_SUFFIXES = ["Labs", "Systems", "Technologies", "Cloud", "Analytics", "Networks", "Group"]
CONTENT_KINDS = [
    "overview",
    "responsibility",
    "work_environment",
    "tooling",
    "education_path",
    "qualification",
    "specialisation",
    "career_step",
    "outlook",
    "market_trend",
    "benefit",
    "pro",
    "con",
    "faq",
    "application_tip",
]
STAGE_KINDS = [
    "online_assessment",
    "recruiter_screen",
    "phone_screen",
    "hiring_manager",
    "onsite_loop",
    "bar_raiser",
    "decision",
]
QUESTION_CATEGORIES = ["behavioral", "coding", "system_design", "technical_concept"]


def scaled(name: str, scale: float) -> int:
    full, floor = COUNTS[name]
    return max(floor, round(full * scale))


def slugify(text: str) -> str:
    keep = "".join(ch if ch.isascii() and ch.isalnum() else "-" for ch in text.lower())
    return "-".join(part for part in keep.split("-") if part)
