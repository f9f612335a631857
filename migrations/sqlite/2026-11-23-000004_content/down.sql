DROP INDEX ideas_wished_date;
DROP TABLE calendar_feeds;
DROP TABLE variants;
DROP TABLE content_pieces;
