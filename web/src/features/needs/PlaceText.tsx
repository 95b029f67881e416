import { Fragment } from 'react';

/**
 * 东街道 › 光明社区 › 光明一网格 › 光明1号楼, where a line may break only between levels: a narrow column
 * never splits "1号楼" or a community's name.
 */
export function PlaceText({ need }: { need: { place: string[]; regionName: string } }) {
  const levels = need.place.length > 0 ? need.place : [need.regionName];
  return (
    <>
      {levels.map((level, i) => (
        <Fragment key={i}>
          {i > 0 && ' › '}
          <span className="lx-nowrap">{level}</span>
        </Fragment>
      ))}
    </>
  );
}
