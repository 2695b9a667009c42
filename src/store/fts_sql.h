/* SQL of the SQLite full-text index of enterprise names, shared by the
 * migration that creates it and the bulk loader that suspends it. */
#ifndef GUATU_STORE_FTS_SQL_H
#define GUATU_STORE_FTS_SQL_H

#define ENTERPRISES_AI_TRIGGER \
	"CREATE TRIGGER enterprises_ai AFTER INSERT ON enterprises BEGIN" \
	"  INSERT INTO enterprises_fts(rowid, name) VALUES (new.id, new.name); END;"

#endif
