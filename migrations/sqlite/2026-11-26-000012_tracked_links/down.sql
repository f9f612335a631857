DROP TABLE visitor_salts;
DROP TABLE link_clicks;
DROP TABLE tracked_links;
