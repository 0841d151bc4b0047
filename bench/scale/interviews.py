"""Competencies, topics, interview processes and questions."""

from .vocabulary import QUESTION_CATEGORIES, STAGE_KINDS, TECH, WORDS, scaled, slugify


class InterviewData:
    """The interview collections, mixed into `Generator`."""

    def _interviews(self) -> None:
        rng = self.rng
        competencies = []
        for n in range(1, scaled("competencies", self.scale) + 1):
            name = f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} {n}"
            competency = {
                "slug": slugify(name),
                "name": name,
                "kind": rng.choice(["leadership_principle", "quality"]),
            }
            if rng.random() < 0.6:
                competency["company"] = rng.choice(self.company_slugs)
            if rng.random() < 0.8:
                competency["description"] = self.prose(1, 3)
            competency["sources"] = [self.source()]
            competencies.append(competency)
        self.collections["competencies"] = competencies
        self.competency_slugs = [c["slug"] for c in competencies]
        topics = []
        for n in range(1, scaled("topics", self.scale) + 1):
            name = f"{rng.choice(TECH)} {rng.choice(WORDS)} {n}"
            topics.append({"slug": slugify(name), "name": name})
        self.collections["topics"] = topics
        self.topic_slugs = [t["slug"] for t in topics]
        processes = []
        for n in range(1, scaled("interview_processes", self.scale) + 1):
            company = self.company_slugs[(n - 1) % len(self.company_slugs)]
            roles = self.roles_by_company.get(company, [])
            process = {
                "slug": f"{company}-process-{n}",
                "name": f"{company.replace('-', ' ').title()} interview process {n}",
                "company": company,
            }
            if roles:
                process["roles"] = sorted(rng.sample(roles, min(len(roles), rng.randint(1, 4))))
            process["summary"] = self.prose(1, 4)
            if rng.random() < 0.6:
                low = rng.randint(1, 6)
                process["duration_weeks"] = {"min": low, "max": low + rng.randint(0, 4)}
            process["source"] = self.source()
            process["stages"] = [self._stage() for _ in range(rng.randint(3, 7))]
            process["guidance"] = [
                {
                    "kind": rng.choice(["evaluation_area", "preparation", "mistake"]),
                    "title": self.sentence(3, 8)[:-1],
                    "body": self.prose(1, 3),
                    "points": [
                        {"name": self.sentence(3, 8)[:-1]} for _ in range(rng.randint(0, 5))
                    ],
                }
                for _ in range(rng.randint(0, 3))
            ]
            processes.append(process)
        self.collections["interview_processes"] = processes
        self.processes = processes

    def _stage(self) -> dict:
        rng = self.rng
        stage = {"name": self.sentence(2, 5)[:-1], "kind": rng.choice(STAGE_KINDS)}
        if rng.random() < 0.4:
            low = rng.randint(1, 4)
            stage["rounds"] = {"min": low, "max": low + rng.randint(0, 3)}
        if rng.random() < 0.5:
            stage["round_minutes"] = rng.choice([30, 45, 60, 90])
        for name in ("description", "assesses", "tips", "quote"):
            if rng.random() < 0.5:
                stage[name] = self.prose(1, 3)
        return stage

    def _questions(self) -> None:
        rng = self.rng
        questions = []
        for n in range(1, scaled("questions", self.scale) + 1):
            process = self.processes[(n - 1) % len(self.processes)]
            category = rng.choice(QUESTION_CATEGORIES)
            question = {
                "slug": f"{process['slug']}-q-{n}",
                "text": self.sentence(8, 30)[:-1] + "?",
                "category": category,
            }
            if category == "behavioral":
                question["competencies"] = sorted(
                    rng.sample(self.competency_slugs, rng.randint(1, 2))
                )
            else:
                question["topics"] = sorted(rng.sample(self.topic_slugs, rng.randint(1, 3)))
            question["stage_kind"] = rng.choice(STAGE_KINDS)
            question["company"] = process["company"]
            if process.get("roles"):
                question["roles"] = process["roles"][: rng.randint(1, len(process["roles"]))]
            if rng.random() < 0.8:
                question["process"] = process["slug"]
            if rng.random() < 0.6:
                question["why_asked"] = self.sentence(10, 25)
            if rng.random() < 0.6:
                question["answer_guidance"] = self.prose(1, 4)
            question["source"] = process["source"]
            questions.append(question)
        self.collections["questions"] = questions
