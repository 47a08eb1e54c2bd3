"""Taking and importing quizzes: the attempt workflow (`services`), its views, and
the admin's import of GIFT and Aiken files (`forms`, `importing`).

This package sits above `courses.models`: the quiz page and its attempts are models
(`courses.models.quizzes`), and the question blocks and grading they need stay below
them (`courses.blocks`, `courses.grading`), so no import goes both ways."""
