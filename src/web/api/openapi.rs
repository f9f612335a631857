//! `GET /api/openapi.json`: the API described for clients and generators.

use actix_web::HttpResponse;
use serde_json::json;

pub async fn document() -> HttpResponse {
    let problem = json!({"$ref": "#/components/schemas/Problem"});
    HttpResponse::Ok().json(json!({
        "openapi": "3.1.0",
        "info": {"title": "Pressroom API", "version": env!("CARGO_PKG_VERSION")},
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearer": []}],
        "paths": {
            "/me": {"get": {
                "summary": "The user the token belongs to",
                "responses": {
                    "200": {"description": "The user", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Me"}}}},
                    "401": {"description": "No or bad token", "content": {"application/problem+json": {"schema": problem}}}
                }
            }}
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Me": {"type": "object", "required": ["id", "email", "name", "role"], "properties": {
                    "id": {"type": "integer"}, "email": {"type": "string"}, "name": {"type": "string"},
                    "role": {"type": "string", "enum": ["admin", "editor", "contributor"]},
                    "department": {"type": ["string", "null"]}, "timezone": {"type": "string"},
                    "locale": {"type": "string"}
                }},
                "Problem": {"type": "object", "required": ["status", "title"], "properties": {
                    "type": {"type": "string"}, "status": {"type": "integer"}, "title": {"type": "string"},
                    "detail": {"type": "string"}, "errors": {"type": "object", "additionalProperties": {"type": "string"}}
                }}
            }
        }
    }))
}
