"""The store: every stage writes its artefacts here and the next stage reads only from here.

SQLAlchemy models (:mod:`.models`), where the database is and how its schema is migrated
(:mod:`.db`), and the few queries the stages share (:mod:`.repository`). The served application's
tables (:mod:`.access`) and the appeal's (:mod:`.appeal`) are imported here, so every reader of the
models' metadata has them.
"""

from ashyq.store import access as access
from ashyq.store import appeal as appeal
from ashyq.store.db import database_url, engine_for, ensure_schema, session_scope, upgrade

__all__ = ["database_url", "engine_for", "ensure_schema", "session_scope", "upgrade"]
