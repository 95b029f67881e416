CREATE TABLE "file_blobs" (
	"district_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"bytes" "bytea" NOT NULL,
	CONSTRAINT "file_blobs_district_id_file_id_pk" PRIMARY KEY("district_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "file_links" (
	"district_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"object_type" varchar(32) NOT NULL,
	"object_id" uuid NOT NULL,
	CONSTRAINT "file_links_district_id_file_id_object_type_object_id_pk" PRIMARY KEY("district_id","file_id","object_type","object_id")
);
--> statement-breakpoint
CREATE TABLE "upload_quota" (
	"district_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"day" varchar(10) NOT NULL,
	"files" integer NOT NULL,
	"bytes" bigint NOT NULL,
	CONSTRAINT "upload_quota_district_id_account_id_day_pk" PRIMARY KEY("district_id","account_id","day")
);
--> statement-breakpoint
CREATE TABLE "rate_counters" (
	"bucket" varchar(120) NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "rate_counters_bucket_window_start_pk" PRIMARY KEY("bucket","window_start")
);
--> statement-breakpoint
ALTER TABLE "file_blobs" ADD CONSTRAINT "file_blobs_district_id_file_id_files_district_id_id_fk" FOREIGN KEY ("district_id","file_id") REFERENCES "public"."files"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_links" ADD CONSTRAINT "file_links_district_id_file_id_files_district_id_id_fk" FOREIGN KEY ("district_id","file_id") REFERENCES "public"."files"("district_id","id") ON DELETE no action ON UPDATE no action;