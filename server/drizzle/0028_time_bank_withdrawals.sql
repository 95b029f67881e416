CREATE TABLE "time_bank_withdrawals" (
	"district_id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"hours" numeric(10, 2) NOT NULL,
	"for_whom" varchar(8) NOT NULL,
	"beneficiary_name" varchar(50) NOT NULL,
	"relation" varchar(20),
	"beneficiary_phone" varchar(20),
	"status" varchar(8) DEFAULT 'held' NOT NULL,
	"paid" numeric(10, 2),
	"returned" numeric(10, 2),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"settled_at" timestamp with time zone,
	CONSTRAINT "time_bank_withdrawals_district_id_need_id_pk" PRIMARY KEY("district_id","need_id"),
	CONSTRAINT "time_bank_withdrawals_hours_positive" CHECK ("time_bank_withdrawals"."hours" > 0)
);
--> statement-breakpoint
ALTER TABLE "time_bank_withdrawals" ADD CONSTRAINT "time_bank_withdrawals_district_id_need_id_needs_district_id_id_fk" FOREIGN KEY ("district_id","need_id") REFERENCES "public"."needs"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_bank_withdrawals" ADD CONSTRAINT "time_bank_withdrawals_district_id_account_id_accounts_district_id_id_fk" FOREIGN KEY ("district_id","account_id") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "time_bank_withdrawals_account_idx" ON "time_bank_withdrawals" USING btree ("district_id","account_id","created_at");