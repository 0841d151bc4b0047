"""Writing competencies, topics, interview processes and questions."""

from interviews.models import (
    Competency,
    InterviewGuidance,
    InterviewProcess,
    InterviewStage,
    Question,
    Topic,
)

from ..sync import m2m_sync, table_upsert


class InterviewsWriter:
    """Writes the interviews app's collections; mixed into `DatasetWriter`."""

    def _write_interviews_app(self) -> None:
        d = self.data
        competencies = self._start(Competency, ("slug",))
        table_upsert(
            competencies,
            [
                {
                    "slug": c["slug"],
                    "name": c["name"],
                    "kind": c["kind"],
                    "company_id": self._id(self.companies, c.get("company")),
                    "description": c.get("description", ""),
                }
                for c in d.get("competencies", [])
            ],
            now=self.now,
        )
        m2m_sync(
            competencies,
            "sources",
            {
                competencies.ids[(c["slug"],)]: {self._id(self.sources, s) for s in c["sources"]}
                for c in d.get("competencies", [])
            },
            now=self.now,
        )
        topics = self._start(Topic, ("slug",))
        table_upsert(
            topics,
            [{"slug": t["slug"], "name": t["name"]} for t in d.get("topics", [])],
            now=self.now,
        )
        processes_data = d.get("interview_processes", [])
        processes = self._start(InterviewProcess, ("slug",))
        table_upsert(
            processes,
            [
                {
                    "slug": p["slug"],
                    "name": p["name"],
                    "company_id": self._id(self.companies, p.get("company")),
                    "summary": p.get("summary", ""),
                    "duration_weeks_min": p.get("duration_weeks", {}).get("min"),
                    "duration_weeks_max": p.get("duration_weeks", {}).get("max"),
                    "duration_quote": p.get("duration_weeks", {}).get("quote", ""),
                    "source_id": self._id(self.sources, p["source"]),
                }
                for p in processes_data
            ],
            now=self.now,
        )
        m2m_sync(
            processes,
            "roles",
            {
                processes.ids[(p["slug"],)]: {self._id(self.roles, r) for r in p.get("roles", [])}
                for p in processes_data
            },
            now=self.now,
        )
        self._children(
            InterviewStage,
            processes,
            "process_id",
            [
                {
                    "process_id": processes.ids[(p["slug"],)],
                    "position": position,
                    "name": s["name"],
                    "kind": s["kind"],
                    "rounds_min": s.get("rounds", {}).get("min"),
                    "rounds_max": s.get("rounds", {}).get("max"),
                    "round_minutes": s.get("round_minutes"),
                    "description": s.get("description", ""),
                    "assesses": s.get("assesses", ""),
                    "tips": s.get("tips", ""),
                    "quote": s.get("quote", "") or s.get("rounds", {}).get("quote", ""),
                }
                for p in processes_data
                for position, s in enumerate(p["stages"], start=1)
            ],
            ("process_id", "position"),
        )
        self._children(
            InterviewGuidance,
            processes,
            "process_id",
            [
                {
                    "process_id": processes.ids[(p["slug"],)],
                    "position": position,
                    "kind": g["kind"],
                    "title": g["title"],
                    "body": g.get("body", ""),
                    "points": g.get("points", []),
                }
                for p in processes_data
                for position, g in enumerate(p.get("guidance", []), start=1)
            ],
            ("process_id", "position"),
        )
        questions_data = d.get("questions", [])
        questions = self._start(Question, ("slug",))
        table_upsert(
            questions,
            [
                {
                    "slug": q["slug"],
                    "text": q["text"],
                    "category": q["category"],
                    "stage_kind": q.get("stage_kind", ""),
                    "company_id": self._id(self.companies, q.get("company")),
                    "process_id": self._id(processes, q.get("process")),
                    "why_asked": q.get("why_asked", ""),
                    "answer_guidance": q.get("answer_guidance", ""),
                    "source_id": self._id(self.sources, q["source"]),
                }
                for q in questions_data
            ],
            now=self.now,
        )
        for field, table in (
            ("topics", topics),
            ("competencies", competencies),
            ("roles", self.roles),
        ):
            m2m_sync(
                questions,
                field,
                {
                    questions.ids[(q["slug"],)]: {self._id(table, key) for key in q.get(field, [])}
                    for q in questions_data
                },
                now=self.now,
            )
