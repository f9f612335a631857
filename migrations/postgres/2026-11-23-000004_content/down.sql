DROP TABLE calendar_feeds;
DROP TABLE variants;
DROP TABLE content_pieces;
