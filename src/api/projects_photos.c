/* Photos 现场照片 of a monthly report: upload (only JPEG, PNG or WebP, told
 * by their magic bytes; at most PROJ_PHOTO_MAX; one copy per report of the
 * same content, by SHA-256), list, the bytes with a strong ETag, and delete
 * while the report is still editable (draft or returned). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/handlers.h"
#include "api/projects.h"
#include "base/blob.h"
#include "store/projects.h"

/* The image type of data by its magic bytes, or NULL. */
static const char *sniff(const unsigned char *d, size_t n)
{
	static const unsigned char png[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	if (n >= 3 && d[0] == 0xff && d[1] == 0xd8 && d[2] == 0xff)
		return "image/jpeg";
	if (n >= 8 && !memcmp(d, png, 8))
		return "image/png";
	if (n >= 12 && !memcmp(d, "RIFF", 4) && !memcmp(d + 8, "WEBP", 4))
		return "image/webp";
	return NULL;
}

/* The record of path parameter i (get) whose parent_key is parent_id: a
 * report of the project, a photo of the report; 404 otherwise. */
static json_t *child_of(struct api_req *rq, int i, json_t *(*get)(struct db *, int64_t),
			const char *parent_key, int64_t parent_id, struct gerror *e, gcode *rc)
{
	int64_t id;
	*rc = api_path_id(rq, i, &id, e);
	if (*rc != G_OK)
		return NULL;
	json_t *r = get(rq->db, id);
	if (!r || json_integer_value(json_object_get(r, parent_key)) != parent_id) {
		json_decref(r);
		*rc = api_not_found(e);
		return NULL;
	}
	return r;
}

static json_t *report_of(struct api_req *rq, const json_t *p, struct gerror *e, gcode *rc)
{
	return child_of(rq, 1, store_report_get, "project_id",
			json_integer_value(json_object_get(p, "id")), e, rc);
}

static json_t *photo_of(struct api_req *rq, const json_t *r, struct gerror *e, gcode *rc)
{
	return child_of(rq, 2, store_photo_get, "report_id",
			json_integer_value(json_object_get(r, "id")), e, rc);
}

static gcode may_change(const struct api_req *rq, const json_t *r, struct gerror *e)
{
	const char *st = json_string_value(json_object_get(r, "status"));
	if (rq->who.role != ROLE_STAFF && rq->who.role != ROLE_LEADER)
		return gerr_set(e, G_ERR_FORBIDDEN, NULL, "照片由项目责任单位或包保领导随月报上传",
				"photos are added by the project's department or its 包保 leader");
	if (st && (!strcmp(st, "draft") || !strcmp(st, "returned")))
		return G_OK;
	return gerr_set(e, G_ERR_EXISTS, "status", "月报已报送或已审核，照片不能再增删",
			"the report has been submitted or reviewed: its photos cannot change");
}

static gcode check_image(const struct api_req *rq, const char **mime, struct gerror *e)
{
	if (rq->body_len > PROJ_PHOTO_MAX) {
		char zh[160], en[160];
		snprintf(zh, sizeof zh, "照片过大（%zu字节），不能超过%d KB", rq->body_len,
			 PROJ_PHOTO_MAX / 1024);
		snprintf(en, sizeof en, "the photo is too large (%zu bytes): at most %d KB",
			 rq->body_len, PROJ_PHOTO_MAX / 1024);
		return gerr_set(e, G_ERR_TOOLARGE, "file", zh, en);
	}
	*mime = sniff((const unsigned char *)rq->body, rq->body_len);
	if (!rq->body_len)
		return gerr_set(e, G_ERR_INVALID, "file", "请上传照片文件", "upload a photo file");
	if (!*mime)
		return gerr_set(e, G_ERR_INVALID, "file", "只能上传JPEG、PNG或WebP格式的图片",
				"only JPEG, PNG or WebP images can be uploaded");
	return G_OK;
}

static json_t *with_url(json_t *ph, int64_t pid, int64_t rid)
{
	char url[160];
	snprintf(url, sizeof url, "/api/v1/projects/%lld/reports/%lld/photos/%lld",
		 (long long)pid, (long long)rid, (long long)json_integer_value(json_object_get(ph, "id")));
	json_object_set_new(ph, "url", json_string(url));
	return ph;
}

static gcode store_new(struct api_req *rq, const json_t *p, int64_t rid, const char *mime,
		       const char *hash, int64_t *id, struct gerror *e)
{
	int64_t pid = json_integer_value(json_object_get(p, "id"));
	const char *region = json_string_value(json_object_get(p, "region"));
	char *data = blob_base64(rq->body, rq->body_len);
	if (!data)
		return gerr_set(e, G_ERR_NOMEM, NULL, "内存不足", "out of memory");
	gcode rc = db_begin(rq->db, e);
	if (rc == G_OK)
		rc = store_photo_insert(rq->db, pid, rid, region, hash, mime, (int64_t)rq->body_len,
					data, rq->who.user_id, rq->now, id, e);
	free(data);
	json_t *after = rc == G_OK ? store_photo_find(rq->db, rid, hash) : NULL;
	if (after)
		json_object_set_new(after, "report_id", json_integer(rid));
	if (rc == G_OK)
		rc = projects_audit(rq, "photo_add", "project", pid, region, NULL, after, e);
	json_decref(after);
	return rc == G_OK ? db_commit(rq->db, e) : rc;
}

gcode h_projects_photos_create(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc;
	json_t *p = projects_visible(rq, 0, ACT_WRITE, e, &rc), *r = NULL;
	if (!p)
		return rc;
	const char *mime = NULL;
	r = report_of(rq, p, e, &rc);
	if (rc == G_OK)
		rc = may_change(rq, r, e);
	if (rc == G_OK)
		rc = check_image(rq, &mime, e);
	int64_t pid = json_integer_value(json_object_get(p, "id")), id = 0;
	int64_t rid = json_integer_value(json_object_get(r, "id"));
	char hash[BLOB_SHA256_HEX];
	json_t *old = NULL;
	if (rc == G_OK) {
		blob_sha256_hex(rq->body, rq->body_len, hash);
		old = store_photo_find(rq->db, rid, hash);
	}
	if (rc == G_OK && !old)
		rc = store_new(rq, p, rid, mime, hash, &id, e);
	json_decref(p);
	json_decref(r);
	if (rc != G_OK) {
		json_decref(old);
		return rc;
	}
	json_t *ph = old ? old : store_photo_find(rq->db, rid, hash);
	if (!ph)
		return gerr_set(e, G_ERR_DB, NULL, "数据库错误", "database error");
	json_object_set_new(ph, "duplicate", json_boolean(old != NULL));
	return api_ok(rs, old ? 200 : 201, with_url(ph, pid, rid));
}

gcode h_projects_photos_list(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc;
	json_t *p = projects_visible(rq, 0, ACT_READ, e, &rc), *r;
	if (!p)
		return rc;
	r = report_of(rq, p, e, &rc);
	int64_t pid = json_integer_value(json_object_get(p, "id"));
	json_decref(p);
	if (!r)
		return rc;
	int64_t rid = json_integer_value(json_object_get(r, "id"));
	json_decref(r);
	json_t *items = store_photo_list(rq->db, rid), *ph;
	if (!items)
		return gerr_set(e, G_ERR_DB, NULL, "数据库错误", "database error");
	size_t i;
	json_array_foreach(items, i, ph)
		with_url(ph, pid, rid);
	return api_ok(rs, 200, json_pack("{s:o,s:I,s:i}", "items", items, "total",
					 (json_int_t)json_array_size(items), "max_bytes",
					 PROJ_PHOTO_MAX));
}

/* The bytes; the ETag is the content hash (strong: the bytes never change). */
static gcode send_photo(struct api_req *rq, struct api_resp *rs, const json_t *ph,
			struct gerror *e)
{
	snprintf(rs->etag, sizeof rs->etag, "\"%.24s\"",
		 json_string_value(json_object_get(ph, "sha256")));
	const char *inm = api_header(rq, "If-None-Match");
	const char *m = json_string_value(json_object_get(ph, "mime"));
	rs->disposition = "inline";
	if (inm && !strcmp(inm, rs->etag)) {
		rs->status = 304;
		return G_OK;
	}
	size_t n = 0;
	unsigned char *bytes = blob_unbase64(json_string_value(json_object_get(ph, "data")), &n);
	if (!bytes)
		return gerr_set(e, G_ERR_DB, NULL, "照片数据损坏", "the stored photo is damaged");
	/* static strings: ph is freed before the answer is sent */
	rs->content_type = !strcmp(m, "image/png")    ? "image/png"
			   : !strcmp(m, "image/webp") ? "image/webp"
						      : "image/jpeg";
	rs->status = 200;
	rs->raw = (char *)bytes;
	rs->raw_len = n;
	return G_OK;
}

gcode h_projects_photos_get(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc;
	json_t *p = projects_visible(rq, 0, ACT_READ, e, &rc), *r = NULL, *ph = NULL;
	if (!p)
		return rc;
	r = report_of(rq, p, e, &rc);
	if (r)
		ph = photo_of(rq, r, e, &rc);
	if (ph)
		rc = send_photo(rq, rs, ph, e);
	json_decref(p);
	json_decref(r);
	json_decref(ph);
	return rc;
}

gcode h_projects_photos_delete(struct api_req *rq, struct api_resp *rs, struct gerror *e)
{
	gcode rc;
	json_t *p = projects_visible(rq, 0, ACT_WRITE, e, &rc), *r = NULL, *ph = NULL;
	if (!p)
		return rc;
	r = report_of(rq, p, e, &rc);
	if (r)
		ph = photo_of(rq, r, e, &rc);
	if (ph)
		rc = may_change(rq, r, e);
	int64_t pid = json_integer_value(json_object_get(p, "id"));
	const char *region = json_string_value(json_object_get(p, "region"));
	if (rc == G_OK) {
		json_object_del(ph, "data");
		rc = db_begin(rq->db, e);
	}
	if (rc == G_OK)
		rc = store_photo_delete(rq->db, json_integer_value(json_object_get(ph, "id")), e);
	if (rc == G_OK)
		rc = projects_audit(rq, "photo_delete", "project", pid, region, ph, NULL, e);
	if (rc == G_OK)
		rc = db_commit(rq->db, e);
	json_decref(p);
	json_decref(r);
	json_decref(ph);
	if (rc != G_OK)
		return rc;
	rs->status = 204;
	return G_OK;
}
